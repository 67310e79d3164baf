import EvidexIndex
import EvidexQuotes
import Foundation

/// The organisations loaded into an index (`evidex index --orgs`), kept beside its segments in
/// `organisations.json`, so that searches resolve `org:` names and aliases the way indexing
/// linked them. Written whole to a temporary file and renamed into place.
public enum OrganisationStore {
    public static let fileName = "organisations.json"

    /// The built-in gazetteer merged with the index's stored records and `adding`; the
    /// records added are stored when there are any.
    public static func gazetteer(in directory: String, adding records: [OrganisationRecord] = []) throws(IndexError) -> OrganisationGazetteer {
        var stored = load(directory)
        if !records.isEmpty {
            var byID: [String: Int] = [:]
            for (i, r) in stored.enumerated() { byID[r.id] = i }
            for r in records {
                if let i = byID[r.id] { stored[i] = r } else {
                    byID[r.id] = stored.count
                    stored.append(r)
                }
            }
            try save(stored, directory)
        }
        return stored.isEmpty ? .builtIn : OrganisationGazetteer.builtIn.merging(stored)
    }

    /// The built-in gazetteer merged with the index's stored records, for searches (which
    /// add none, so nothing is written and nothing can fail).
    public static func storedGazetteer(in directory: String) -> OrganisationGazetteer {
        let stored = load(directory)
        return stored.isEmpty ? .builtIn : OrganisationGazetteer.builtIn.merging(stored)
    }

    static func load(_ directory: String) -> [OrganisationRecord] {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return (try? JSONDecoder().decode([OrganisationRecord].self, from: data)) ?? []
    }

    static func save(_ records: [OrganisationRecord], _ directory: String) throws(IndexError) {
        let path = directory + "/" + fileName
        let temp = path + ".tmp"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(records)
            try data.write(to: URL(fileURLWithPath: temp))
            if rename(temp, path) != 0 { throw IndexError.io(path: path, operation: "rename", errno: errno) }
        } catch let e as IndexError {
            throw e
        } catch {
            throw .io(path: temp, operation: "write", errno: EIO)
        }
    }
}
