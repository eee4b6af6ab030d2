import Foundation
import GraphCore

extension ImportSummary {
    /// The summary as JSON, as `cegraph import --json` prints it and `POST /api/import`
    /// answers: what the file became, and where the time went.
    ///
    /// - Parameters:
    ///   - file: the file's name as the user knows it.
    ///   - seconds: the whole import's wall-clock time.
    public func json(file: String, seconds: Double) -> JSONValue {
        func number(_ value: Int) -> JSONValue { .number(String(value)) }
        return .object([
            "file": .string(file), "records": number(records), "seconds": .number(String(format: "%.3f", seconds)),
            "entities_added": number(entitiesAdded), "entities_updated": number(entitiesUpdated),
            "ids_merged": number(idsMerged), "intel_added": number(intelAdded),
            "intel_updated": number(intelUpdated), "links_added": number(linksAdded),
            "links_merged": number(linksMerged), "areas": number(areas), "sha256": .string(sha256),
            "phases": .object(["records": .number(String(format: "%.3f", self.seconds.records)),
                               "indexes": .number(String(format: "%.3f", self.seconds.indexes)),
                               "commit": .number(String(format: "%.3f", self.seconds.commit))]),
        ])
    }
}
