package org.spinecell.patients.candidacy;

/** The kind of value a candidacy input holds, which decides the operators a rule may apply to it. */
public enum InputKind {

	/** A checklist answer or a yes/no fact. */
	YES_NO,

	/** A count, age or duration. */
	WHOLE_NUMBER,

	/** One value from a fixed list, such as a stenosis grade. */
	CODE,

	/** Any number of values from a fixed list, such as the condition families. */
	CODE_SET

}
