package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Responder thresholds: configured values replace DOMAIN's defaults one by one; nonsense is refused at start-up. */
class ResponderSettingsTests {

	@Test
	void aConfiguredThresholdReplacesOnlyItsDefault() {
		ResponderSettings settings = new ResponderSettings(Map.of(Measure.ODI, new Measure.Mcid(new BigDecimal("15"), null)));
		assertThat(settings.of(Measure.ODI)).isEqualTo(new Measure.Mcid(new BigDecimal("15"), new BigDecimal("0.30")));
		assertThat(settings.of(Measure.RMDQ)).isEqualTo(Measure.RMDQ.defaultMcid());
		assertThat(new ResponderSettings(null).of(Measure.MME).absolute()).isNull();
	}

	@Test
	void propertiesBindByMeasureName() {
		ResponderSettings settings = new Binder(new MapConfigurationPropertySource(
				Map.of("spinecell.analytics.responder.mcid.ODI.absolute", "15",
						"spinecell.analytics.responder.mcid.nrs-back.relative", "0.5")))
			.bind("spinecell.analytics.responder", ResponderSettings.class)
			.get();
		assertThat(settings.of(Measure.ODI).absolute()).isEqualByComparingTo("15");
		assertThat(settings.of(Measure.ODI).relative()).isEqualByComparingTo("0.30");
		assertThat(settings.of(Measure.NRS_BACK)).isEqualTo(new Measure.Mcid(new BigDecimal("2"), new BigDecimal("0.5")));
	}

	@Test
	void thresholdsMustBePositiveAndRelativeAtMostOne() {
		assertThatThrownBy(() -> new ResponderSettings(Map.of(Measure.ODI, new Measure.Mcid(BigDecimal.ZERO, null))))
			.hasMessageContaining("ODI.absolute must be above 0");
		assertThatThrownBy(() -> new ResponderSettings(
				Map.of(Measure.NRS_BACK, new Measure.Mcid(null, new BigDecimal("1.5")))))
			.hasMessageContaining("NRS_BACK.relative must be at most 1");
	}

}
