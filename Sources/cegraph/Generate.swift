import ArgumentParser
import Foundation
import GraphCore
import SyntheticData

extension CEGraph {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic data set (JSON Lines); the same seed always gives the same file.",
            discussion: """
                Scales: small (about 2,000 entities, 10,000 links), force (100,000 / 500,000), \
                large (1,000,000 / 5,000,000). All names are plainly made up.

                Example:
                  cegraph generate --seed 7 --scale force -o force.jsonl
                """)

        @Option(help: "The seed.")
        var seed: UInt64 = 1

        @Option(help: "small, force or large.")
        var scale: String = "small"

        @Option(name: .shortAndLong, help: "The file to write; standard output when not given.")
        var output: String?

        @Option(help: "Also write the planted networks' ground truth here, one JSON line each (Benchmarks/marthr.sh).")
        var truth: String?

        func validate() throws {
            guard Scale(rawValue: scale) != nil else {
                throw ValidationError("unknown --scale \(scale); expected small, force or large")
            }
        }

        func run() throws {
            let started = Date()
            let sink: TextOutput
            do {
                sink = try output.map { try TextOutput(path: $0) } ?? TextOutput()
            } catch {
                throw CommandError(message: "cannot create \(output ?? "-"): \(error.localizedDescription)")
            }
            let truthSink: TextOutput?
            do {
                truthSink = try truth.map { try TextOutput(path: $0) }
            } catch {
                throw CommandError(message: "cannot create \(truth ?? "-"): \(error.localizedDescription)")
            }
            let counts = try Generator(seed: seed, scale: Scale(rawValue: scale)!).write(to: sink, truth: truthSink)
            try sink.close()
            try truthSink?.close()
            Printer.error("generated \(counts.entities) entities, \(counts.links) links, \(counts.intel) intelligence reports, "
                          + "\(counts.areas) areas in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        }
    }
}
