import Foundation
import TestSupport
import Testing

/// The tests' process starter: streams, status, signals, directory, environment and the
/// descriptors a child inherits.
struct SpawnedTests {
    @Test func aChildReadsItsInputAndWritesBothStreamsWithoutStalling() throws {
        // More than a pipe holds each way, so writing and reading must go on together.
        let input = Data((0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let finished = try Spawned.run("/bin/sh", ["-c", "cat; cat /dev/null; echo done >&2"], input: input)
        #expect(finished.termination == Spawned.Termination(status: 0, signalled: false))
        #expect(finished.stdout == input)
        #expect(String(decoding: finished.stderr, as: UTF8.self) == "done\n")
    }

    @Test func theExitStatusAndAKillingSignalAreTold() throws {
        #expect(try Spawned.run("/bin/sh", ["-c", "exit 3"]).termination == Spawned.Termination(status: 3, signalled: false))
        let sleeper = try Spawned("sleep", ["30"])
        #expect(sleeper.isRunning)
        sleeper.send(SIGKILL)
        #expect(sleeper.wait() == Spawned.Termination(status: SIGKILL, signalled: true))
        #expect(!sleeper.isRunning)
    }

    @Test func theChildRunsInItsDirectoryWithItsEnvironmentAndOnlyThreeDescriptors() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let before = FileManager.default.currentDirectoryPath
        let finished = try Spawned.run("/bin/sh", ["-c", "pwd; echo \"$SPAWNED_TEST\"; ls /proc/self/fd | wc -l"],
                                       environment: ["SPAWNED_TEST": "set", "PATH": "/usr/bin:/bin"], directory: directory)
        let lines = String(decoding: finished.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == URL(fileURLWithPath: directory).resolvingSymlinksInPath().path)
        #expect(lines.dropFirst().first == "set")
        // 0, 1, 2 and the directory `ls` opened: nothing of the test process's leaks in.
        #expect(lines.last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } == 4)
        // The test process's own directory is never changed to start a child.
        #expect(FileManager.default.currentDirectoryPath == before)
    }

    @Test func aMissingProgramIsAnErrorNamingIt() {
        #expect(throws: (any Error).self) { try Spawned("/nonexistent/program", []) }
    }
}
