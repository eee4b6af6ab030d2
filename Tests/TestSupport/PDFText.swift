import Foundation

/// poppler-utils' `pdfinfo` and `pdftotext`, when installed.
public enum PDFText {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs through the tests' process starter (Foundation's Process crashes now and then
    /// on Linux: Tests/CSpawn/cspawn.c says why).
    static func run(_ tool: String, _ arguments: [String]) -> String? {
        guard let finished = try? Spawned.run(tool, arguments), finished.termination.succeeded else { return nil }
        return String(decoding: finished.stdout, as: UTF8.self)
    }

    /// The number of pages, from `pdfinfo`; nil without poppler-utils.
    public static func pageCount(_ file: URL) -> Int? {
        guard let pdfinfo = tool("pdfinfo"), let info = run(pdfinfo, [file.path]) else { return nil }
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// The text of every page, from `pdftotext`; nil without poppler-utils.
    public static func text(_ file: URL) -> String? {
        guard let pdftotext = tool("pdftotext") else { return nil }
        return run(pdftotext, [file.path, "-"])
    }
}
