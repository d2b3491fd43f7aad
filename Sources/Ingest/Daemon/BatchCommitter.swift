import Logging
import PQClient

/// Writes one batch through a sink and decides what a failure means for its files.
///
/// Only a file the database refuses for its content is rejected. A lost connection hands the whole batch
/// back (its files stay in the inbox); a write that fails for a reason worth retrying (deadlock, server
/// limits) defers its file; a stop past the grace period abandons the batch, rolled back.
struct BatchCommitter {
    enum Result {
        /// Committed: one report per file, in no particular order (each carries its claim).
        case written([FileReport])
        /// The database went away; nothing was committed.
        case databaseLost(any Error)
        /// Rolled back on stop; nothing was committed.
        case abandoned(any Error)
    }

    var isStopping: () -> Bool
    var shouldAbandon: @Sendable () -> Bool
    var logger: Logger

    func commit(_ batch: [PreparedFile], to sink: some ArticleSink) -> Result {
        do {
            return .written(try sink.write(batch, shouldAbandon: shouldAbandon))
        } catch let error as PQError where !sink.isConnected || error.code == .connectionLost {
            return .databaseLost(error)
        } catch where isStopping() {
            return .abandoned(error)
        } catch {
            // The server is up but refused the batch (a deadlock, resource limits, or one bad file):
            // write file by file, so one file cannot hold the others back for ever.
            logger.warning("batch failed; writing its files one by one", metadata: ["db.error": "\(error)"])
            return .written(batch.map { writeAlone($0, to: sink) })
        }
    }

    private func writeAlone(_ file: PreparedFile, to sink: some ArticleSink) -> FileReport {
        if isStopping() {
            return FileReport(claim: file.claim, status: .deferred, reason: "stopping")
        }
        do {
            return try sink.write([file], shouldAbandon: { false })[0]
        } catch let error as PQError where error.isTransient || !sink.isConnected {
            logger.warning("file deferred; it stays in the inbox", metadata: [
                "inbox.file": "\(file.claim.path)", "db.error": "\(error)"])
            return FileReport(claim: file.claim, status: .deferred, reason: "\(error)")
        } catch {
            var failed = file
            failed.items = []
            failed.fileError = "the database refused this file: \(error)"
            return (try? sink.write([failed], shouldAbandon: { false })[0])
                ?? FileReport(claim: file.claim, status: .rejected, reason: failed.fileError)
        }
    }
}
