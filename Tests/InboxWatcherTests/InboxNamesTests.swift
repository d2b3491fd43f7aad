import Testing
@testable import InboxWatcher

@Suite struct InboxNamesTests {
    @Test(arguments: [".hidden", "x.tmp", "x.TMP", "y.part", "y.partial", "z.crdownload", "backup~", "a.txt.error", "reuters/.x"])
    func temporaryNamesAndErrorNotesAreIgnored(_ name: String) {
        #expect(InboxNames.isIgnored(name))
    }

    @Test(arguments: ["a.txt", "story.md", "feed.ndjson", "page.html", "tmp", "part.json", "errors.json", "reuters/a.txt"])
    func ordinaryNamesAreInputs(_ name: String) {
        #expect(!InboxNames.isIgnored(name))
    }

    @Test func aFileInsideAHiddenFolderIsIgnoredAsAPath() {
        #expect(InboxNames.isIgnoredPath(".staging/a.txt"))
        #expect(!InboxNames.isIgnoredPath("reuters/a.txt"))
    }
}

@Suite struct InboxLayoutTests {
    @Test func defaultFoldersAreSiblingsOfTheInbox() {
        let layout = InboxLayout(inbox: "/srv/articled/inbox/")
        #expect(layout.inbox == "/srv/articled/inbox")
        #expect(layout.processed == "/srv/articled/processed")
        #expect(layout.rejected == "/srv/articled/rejected")
        #expect(layout.excludedRelativeDirectories.isEmpty)
    }

    @Test func foldersInsideTheInboxAreExcluded() {
        let layout = InboxLayout(inbox: "/srv/in", processed: "/srv/in/./done", rejected: "/srv/in/x/../failed")
        #expect(layout.excludedRelativeDirectories == ["done", "failed"])
    }

    @Test func relativePathsMustStayInside() {
        #expect(PathSyntax.isSafeRelative("a/b.txt"))
        #expect(!PathSyntax.isSafeRelative("../b.txt"))
        #expect(!PathSyntax.isSafeRelative("/etc/passwd"))
        #expect(!PathSyntax.isSafeRelative("a//b"))
        #expect(!PathSyntax.isSafeRelative(""))
    }

    @Test func clashNamesNumberBeforeTheExtension() {
        #expect(InboxFiles.candidateName("a.txt", attempt: 0) == "a.txt")
        #expect(InboxFiles.candidateName("a.txt", attempt: 2) == "a.2.txt")
        #expect(InboxFiles.candidateName("README", attempt: 1) == "README.1")
    }
}
