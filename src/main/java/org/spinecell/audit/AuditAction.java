package org.spinecell.audit;

/** What kind of change an audit entry records. */
public enum AuditAction {

	CREATE, UPDATE, VOID, SIGN, ACCESS, LOGIN

}
