/// Why an external organisation list could not be loaded. Each message names the file and
/// says what to do, because these surface directly in the command-line tool.
public enum OrganisationListError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unrecognisedFormat(path: String)
    case malformed(path: String, line: Int, detail: String)
    case empty(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the organisation list (\(reason)); check the path and permissions."
        case .unrecognisedFormat(let path):
            return "\(path): not a GOV.UK organisations API JSON array, an NHS ODS CSV (etr/eccg), "
                + "an ONS ICB names CSV or a GOV.UK register TSV; pass one of those formats."
        case .malformed(let path, let line, let detail):
            return "\(path):\(line): \(detail); the file looks truncated or edited, re-download it."
        case .empty(path: let path):
            return "\(path): the list holds no organisations; check that it is the full export."
        }
    }
}
