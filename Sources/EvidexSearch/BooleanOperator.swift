/// How juxtaposed clauses (`a b`) combine when no explicit `AND`/`OR` sits between them.
public enum BooleanOperator: String, Sendable, Hashable, CaseIterable {
    /// `a b` means `a AND b`: every clause is required.
    case and
    /// `a b` means `a OR b`: clauses are optional and rank documents (the default).
    case or
}
