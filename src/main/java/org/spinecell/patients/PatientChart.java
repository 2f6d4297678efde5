package org.spinecell.patients;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Gathers the sections the patient chart shows below the demographics, in order. Each part of
 * the record contributes a {@link Section}: a template with a {@code section} fragment and the
 * model attributes it reads. Other modules add their own sections as {@code @Order}ed beans, so the
 * chart needs to know nothing about them.
 */
@Component
public class PatientChart {

	/** One section of the chart; other modules add theirs as beans, placed by {@code @Order}. */
	public interface Section {

		/** The template holding the {@code section} fragment. */
		String template();

		/** Adds what the fragment reads to the model. */
		void addTo(Patient patient, Model model);

	}

	private final List<Section> sections;

	PatientChart(ObjectProvider<Section> sections) {
		this.sections = sections.orderedStream().toList();
	}

	public void addTo(Patient patient, Model model) {
		List<Section> shown = new ArrayList<>();
		for (Section section : sections) {
			section.addTo(patient, model);
			shown.add(section);
		}
		model.addAttribute("chartSections", shown);
	}

}
