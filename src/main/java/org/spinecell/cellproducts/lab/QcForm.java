package org.spinecell.cellproducts.lab;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.spinecell.cellproducts.CellProductRequests;
import org.spinecell.cellproducts.QcTest;
import org.spinecell.cellproducts.QualitativeResult;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** A QC result of the product: a value, a qualitative result or a marker panel. */
class QcForm {

	private QcTest test;

	private BigDecimal value;

	private String unit;

	private QualitativeResult result;

	private String markers;

	private String method;

	private CellProductRequests.Sample sample = CellProductRequests.Sample.FINAL;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime performedAt;

	static QcForm startingNow(ZoneId zone) {
		QcForm form = new QcForm();
		form.performedAt = LabForms.now(zone);
		return form;
	}

	CellProductRequests.Qc toRequest(ZoneId zone, BindingResult binding) {
		Map<String, BigDecimal> percentages = null;
		Map<String, String> pairs = LabForms.pairs(markers, "markers", binding);
		if (!pairs.isEmpty()) {
			percentages = new LinkedHashMap<>();
			for (Map.Entry<String, String> pair : pairs.entrySet()) {
				try {
					percentages.put(pair.getKey(), new BigDecimal(pair.getValue().replace("%", "").strip()));
				}
				catch (NumberFormatException ex) {
					binding.rejectValue("markers", "number", pair.getKey() + " must be a percentage such as 97.5");
					break;
				}
			}
		}
		return new CellProductRequests.Qc(test, value, result, LabForms.blankToNull(unit), percentages,
				LabForms.blankToNull(method), LabForms.instant(performedAt, zone), sample);
	}

	public QcTest getTest() {
		return test;
	}

	public void setTest(QcTest test) {
		this.test = test;
	}

	public BigDecimal getValue() {
		return value;
	}

	public void setValue(BigDecimal value) {
		this.value = value;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public QualitativeResult getResult() {
		return result;
	}

	public void setResult(QualitativeResult result) {
		this.result = result;
	}

	public String getMarkers() {
		return markers;
	}

	public void setMarkers(String markers) {
		this.markers = markers;
	}

	public String getMethod() {
		return method;
	}

	public void setMethod(String method) {
		this.method = method;
	}

	public CellProductRequests.Sample getSample() {
		return sample;
	}

	public void setSample(CellProductRequests.Sample sample) {
		this.sample = sample;
	}

	public LocalDateTime getPerformedAt() {
		return performedAt;
	}

	public void setPerformedAt(LocalDateTime performedAt) {
		this.performedAt = performedAt;
	}

}
