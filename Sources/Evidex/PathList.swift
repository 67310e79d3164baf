import Foundation

/// Paths listed one a line in a file, or on standard input for "-" (`--files-from`). Scripts
/// with many files pass them this way: the argument parser takes time quadratic in the number
/// of positional arguments (16,000 paths cost 6 s), and a shell limits their total length.
public enum PathList {
    public enum ReadError: Error, CustomStringConvertible {
        case unreadable(String, String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason):
                "cannot read the path list \(path): \(reason). Give a file with one path a line, or - for standard input"
            }
        }
    }

    /// The paths of `list` ("-" for standard input): one a line, surrounding spaces and a
    /// final carriage return removed, empty lines skipped.
    public static func read(_ list: String) throws(ReadError) -> [String] {
        let data: Data
        if list == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: list) else { throw .unreadable(list, "no such file") }
            do { data = try Data(contentsOf: URL(fileURLWithPath: list)) } catch {
                throw .unreadable(list, "not a readable file")
            }
        }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// The command line's paths followed by those of the list, if one is given.
    public static func paths(_ arguments: [String], filesFrom list: String?) throws(ReadError) -> [String] {
        guard let list else { return arguments }
        return try arguments + read(list)
    }

    public static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
