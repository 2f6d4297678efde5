package org.spinecell.cellproducts.release;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.cellproducts.ProductReleaseService;
import org.spinecell.cellproducts.Din;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.ProductState;
import org.spinecell.cellproducts.ReleaseCriterion;
import org.spinecell.patients.ConsentType;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;
import org.spinecell.platform.TaskSource;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a product on its way to release waits for, and from whom: a physician confirms the
 * regulatory classification, the lab or a physician records the IND or BLA number of a 351
 * product, a coordinator or physician records the patient's trial consent for a product used under
 * an IND, and the lab signs the release once every criterion passes. Read from the same release
 * checklist the product page shows.
 */
@Component
@Order(10)
class ReleaseTasks implements TaskSource {

	/** The states in which a product is still on its way to release. */
	private static final Set<ProductState> BEFORE_RELEASE = EnumSet.of(ProductState.COLLECTED,
			ProductState.IN_PROCESSING, ProductState.QUARANTINE);

	private final CellProductService products;

	private final ProductReleaseService releases;

	private final PatientService patients;

	private final PatientHistoryService history;

	ReleaseTasks(CellProductService products, ProductReleaseService releases, PatientService patients,
			PatientHistoryService history) {
		this.products = products;
		this.releases = releases;
		this.patients = patients;
		this.history = history;
	}

	@Override
	public List<Task> tasksFor(CurrentUser user) {
		boolean physician = user.hasRole(Role.PHYSICIAN);
		boolean lab = user.hasRole(Role.LAB);
		boolean coordinator = user.hasRole(Role.COORDINATOR);
		if (!physician && !lab && !coordinator) {
			return List.of();
		}
		List<Task> tasks = new ArrayList<>();
		for (ProductState state : BEFORE_RELEASE) {
			for (CellProduct product : products.list(state, null)) {
				tasks.addAll(tasks(product, physician, lab, coordinator));
			}
		}
		return tasks;
	}

	private List<Task> tasks(CellProduct product, boolean physician, boolean lab, boolean coordinator) {
		String din = Din.parse(product.din()).printed();
		String href = "/lab/products/" + product.id();
		String release = "the release of " + din;
		List<Task> tasks = new ArrayList<>();
		List<ReleaseCriterion> checklist = physician || lab ? releases.releaseChecklist(product.id()) : List.of();
		boolean classified = product.pathway() != null;
		if (physician && classified && product.classificationConfirmedAt() == null) {
			tasks.add(new Task("Confirm the regulatory classification of product " + din, href, release));
		}
		if ((physician || lab) && failed(checklist, "indNumber")) {
			tasks.add(new Task("Record the IND or BLA number of product " + din, href, release));
		}
		UUID patientId = product.origin() == Origin.AUTOLOGOUS ? product.patientId() : product.recipientPatientId();
		if ((physician || coordinator) && classified && product.pathway().requiresInd() && patientId != null
				&& !history.hasCurrentConsent(patientId, ConsentType.TRIAL)) {
			Patient patient = patients.get(patientId);
			tasks.add(new Task("Record the trial consent of " + patient.familyName() + ", " + patient.givenName()
					+ " (product " + din + " is used under an IND)", "/patients/" + patientId + "/consents/new",
					"the procedure with " + din));
		}
		if (lab && product.state() == ProductState.QUARANTINE && checklist.stream().allMatch(ReleaseCriterion::met)) {
			tasks.add(new Task("Sign the release of product " + din + ": every criterion passes", href, null));
		}
		return tasks;
	}

	private static boolean failed(List<ReleaseCriterion> checklist, String key) {
		return checklist.stream().anyMatch(c -> c.id().equals(key) && !c.met());
	}

}
