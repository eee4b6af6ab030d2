/// The case workflow: what MACCSE coordinators, panel chairs, CCSET coordinators and MARTHR
/// chairs record, and the rules the protocols in `../shared/seeds/` set for it.
///
/// Rules live here; their SQL lives in `queries/workflow_*.sql` and `schema/`, run through
/// ``GraphStore/Store`` so that no SQL dialect leaks out of the store.
public enum CaseWorkflow {}
