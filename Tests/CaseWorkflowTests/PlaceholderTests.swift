import Testing
@testable import CaseWorkflow
