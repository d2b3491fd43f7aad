import Foundation
import PackagePlugin

/// Compiles `Migrations/*.sql` of the target into a Swift source, so that migrations live as
/// plain SQL files in the package while the binary needs no resource bundle at run time.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let migrations = target.directoryURL.appending(path: "Migrations")
        let fileManager = FileManager.default
        let names = (try? fileManager.contentsOfDirectory(atPath: migrations.path())) ?? []
        let inputs = names.filter { $0.hasSuffix(".sql") }.sorted().map { migrations.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) SQL migrations",
                executable: try context.tool(named: "EmbedSQL").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
