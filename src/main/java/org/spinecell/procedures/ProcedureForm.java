package org.spinecell.procedures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form that documents a procedure, validated through {@link ProcedureRequests.Create}'s
 * constraints. Times are entered as times of day on the procedure's date; the product units come in
 * a fixed number of rows, of which blank ones are ignored.
 * <p>
 * Over 300 lines because it is one HTML form of about 25 bound fields, each with the getter and
 * setter Spring's binder needs, plus the mapping of the request's field paths back to the form's
 * fields; it is not split by use case because it serves one use case, drafting a procedure.
 */
class ProcedureForm {

	/** Unit rows offered on the form; more units than this go through the API. */
	static final int UNIT_ROWS = 3;

	static final String PRP = "Platelet-rich plasma (PRP)";

	static final String HYALURONIC_ACID = "Hyaluronic acid";

	private static final Pattern UNIT_FIELD = Pattern.compile("productUnits\\[(\\d+)](?:\\.(\\w+))?");

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
	private LocalTime startTime;

	@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
	private LocalTime endTime;

	private Procedure.Setting setting = Procedure.Setting.OUTPATIENT;

	private UUID operatorId;

	private Procedure.Target target;

	private List<String> levels = new ArrayList<>();

	private boolean levelsConfirmed;

	private String side;

	private String approach;

	private Procedure.Guidance guidance;

	private boolean placementConfirmed;

	private String contrastPattern;

	private boolean needleTipConfirmed;

	private boolean prp;

	private boolean hyaluronicAcid;

	private String otherAdjunct;

	private String anaesthesia;

	private String immediateComplications;

	@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
	private LocalTime dischargeTime;

	private List<UnitRow> units = new ArrayList<>();

	ProcedureForm() {
		fillUnitRows();
	}

	/** One product unit: which product, into which level, how much. */
	public static class UnitRow {

		private UUID productId;

		private String level;

		private BigDecimal volumeMl;

		boolean isBlank() {
			return productId == null && (level == null || level.isBlank()) && volumeMl == null;
		}

		public UUID getProductId() {
			return productId;
		}

		public void setProductId(UUID productId) {
			this.productId = productId;
		}

		public String getLevel() {
			return level;
		}

		public void setLevel(String level) {
			this.level = level;
		}

		public BigDecimal getVolumeMl() {
			return volumeMl;
		}

		public void setVolumeMl(BigDecimal volumeMl) {
			this.volumeMl = volumeMl;
		}

	}

	/** Keeps exactly {@link #UNIT_ROWS} rows, so a re-shown form always has all of them. */
	void fillUnitRows() {
		if (units == null) {
			units = new ArrayList<>();
		}
		while (units.size() < UNIT_ROWS) {
			units.add(new UnitRow());
		}
		if (units.size() > UNIT_ROWS) {
			units = new ArrayList<>(units.subList(0, UNIT_ROWS));
		}
	}

	/** The rows that are filled in, by their position on the form, in the order the request lists them. */
	List<Integer> filledRows() {
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < units.size(); i++) {
			if (units.get(i) != null && !units.get(i).isBlank()) {
				rows.add(i);
			}
		}
		return rows;
	}

	ProcedureRequests.Create toRequest(UUID patientId, ProcedureLabels labels) {
		List<ProcedureRequests.UnitRequest> unitRequests = new ArrayList<>();
		for (int row : filledRows()) {
			UnitRow unit = units.get(row);
			unitRequests.add(new ProcedureRequests.UnitRequest(unit.productId,
					unit.level == null ? null : unit.level.strip(), unit.volumeMl));
		}
		List<String> adjuncts = new ArrayList<>();
		if (prp) {
			adjuncts.add(PRP);
		}
		if (hyaluronicAcid) {
			adjuncts.add(HYALURONIC_ACID);
		}
		if (otherAdjunct != null && !otherAdjunct.isBlank()) {
			adjuncts.add(otherAdjunct.strip());
		}
		return new ProcedureRequests.Create(patientId, date, labels.instant(date, startTime),
				labels.instant(date, endTime), setting, operatorId, target, levels == null ? List.of() : List.copyOf(levels),
				blankToNull(side), blankToNull(approach), guidance, placementConfirmed, blankToNull(contrastPattern),
				needleTipConfirmed, unitRequests, adjuncts, blankToNull(anaesthesia), blankToNull(immediateComplications),
				labels.instant(date, dischargeTime), levelsConfirmed);
	}

	/**
	 * The form field a problem of the request belongs to: request and form name most fields alike;
	 * times, adjuncts and units differ. Null when no field of the form matches.
	 */
	String formField(String requestField) {
		String field = requestField.replace(".<list element>", "");
		if (field.startsWith("levels")) {
			return "levels";
		}
		if (field.startsWith("adjuncts")) {
			return "otherAdjunct";
		}
		if (field.startsWith("productUnits")) {
			Matcher unit = UNIT_FIELD.matcher(field);
			List<Integer> rows = filledRows();
			if (unit.matches() && Integer.parseInt(unit.group(1)) < rows.size()) {
				int row = rows.get(Integer.parseInt(unit.group(1)));
				return "units[" + row + "]." + (unit.group(2) == null ? "productId" : unit.group(2));
			}
			return "units";
		}
		return switch (field) {
			case "startedAt" -> "startTime";
			case "endedAt" -> "endTime";
			case "dischargedAt" -> "dischargeTime";
			case "patientId" -> null;
			default -> field;
		};
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public LocalTime getStartTime() {
		return startTime;
	}

	public void setStartTime(LocalTime startTime) {
		this.startTime = startTime;
	}

	public LocalTime getEndTime() {
		return endTime;
	}

	public void setEndTime(LocalTime endTime) {
		this.endTime = endTime;
	}

	public Procedure.Setting getSetting() {
		return setting;
	}

	public void setSetting(Procedure.Setting setting) {
		this.setting = setting;
	}

	public UUID getOperatorId() {
		return operatorId;
	}

	public void setOperatorId(UUID operatorId) {
		this.operatorId = operatorId;
	}

	public Procedure.Target getTarget() {
		return target;
	}

	public void setTarget(Procedure.Target target) {
		this.target = target;
	}

	public List<String> getLevels() {
		return levels;
	}

	public void setLevels(List<String> levels) {
		this.levels = levels;
	}

	public boolean isLevelsConfirmed() {
		return levelsConfirmed;
	}

	public void setLevelsConfirmed(boolean levelsConfirmed) {
		this.levelsConfirmed = levelsConfirmed;
	}

	public String getSide() {
		return side;
	}

	public void setSide(String side) {
		this.side = side;
	}

	public String getApproach() {
		return approach;
	}

	public void setApproach(String approach) {
		this.approach = approach;
	}

	public Procedure.Guidance getGuidance() {
		return guidance;
	}

	public void setGuidance(Procedure.Guidance guidance) {
		this.guidance = guidance;
	}

	public boolean isPlacementConfirmed() {
		return placementConfirmed;
	}

	public void setPlacementConfirmed(boolean placementConfirmed) {
		this.placementConfirmed = placementConfirmed;
	}

	public String getContrastPattern() {
		return contrastPattern;
	}

	public void setContrastPattern(String contrastPattern) {
		this.contrastPattern = contrastPattern;
	}

	public boolean isNeedleTipConfirmed() {
		return needleTipConfirmed;
	}

	public void setNeedleTipConfirmed(boolean needleTipConfirmed) {
		this.needleTipConfirmed = needleTipConfirmed;
	}

	public boolean isPrp() {
		return prp;
	}

	public void setPrp(boolean prp) {
		this.prp = prp;
	}

	public boolean isHyaluronicAcid() {
		return hyaluronicAcid;
	}

	public void setHyaluronicAcid(boolean hyaluronicAcid) {
		this.hyaluronicAcid = hyaluronicAcid;
	}

	public String getOtherAdjunct() {
		return otherAdjunct;
	}

	public void setOtherAdjunct(String otherAdjunct) {
		this.otherAdjunct = otherAdjunct;
	}

	public String getAnaesthesia() {
		return anaesthesia;
	}

	public void setAnaesthesia(String anaesthesia) {
		this.anaesthesia = anaesthesia;
	}

	public String getImmediateComplications() {
		return immediateComplications;
	}

	public void setImmediateComplications(String immediateComplications) {
		this.immediateComplications = immediateComplications;
	}

	public LocalTime getDischargeTime() {
		return dischargeTime;
	}

	public void setDischargeTime(LocalTime dischargeTime) {
		this.dischargeTime = dischargeTime;
	}

	public List<UnitRow> getUnits() {
		return units;
	}

	public void setUnits(List<UnitRow> units) {
		this.units = units;
	}

}
