package org.spinecell.analytics.stats;

import java.util.List;

import org.spinecell.platform.Refusal;
import org.spinecell.platform.FieldProblem;

/**
 * A regression that cannot be fitted on the data given: too few observations, covariates that are
 * linear combinations of each other, perfect separation or no convergence. The API reports it as
 * 422 with the reason; it is never a server error.
 */
public class ModelFitException extends Refusal {

	ModelFitException(String reason) {
		super(Kind.INVALID, "Model cannot be fitted", reason,
				List.of(new FieldProblem("model", reason)));
	}

}
