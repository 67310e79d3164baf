/// Text that is none of the recognised kinds: the first line is the title (a headline, as in
/// the BBC News corpus), blank-line separated blocks after it are paragraphs.
struct PlainTextParser {
    static func parse(text: String, id: String) -> Document {
        let lines = TextTools.lines(text)
        var doc = Document(id: id, kind: .other)
        guard let first = lines.firstIndex(where: { !TextTools.isBlank($0) }) else { return doc }
        let title = TextTools.clean(lines[first])
        if title.count <= 300 {
            doc.title = title
            for block in TextTools.blocks(Array(lines[(first + 1)...])) {
                doc.paragraphs.append(Paragraph(text: TextTools.joinLines(block.lines)))
            }
        } else {
            // One long first line is body text, not a headline.
            doc.title = String(title.prefix(while: { $0 != "." }).prefix(120))
            for block in TextTools.blocks(Array(lines[first...])) {
                doc.paragraphs.append(Paragraph(text: TextTools.joinLines(block.lines)))
            }
        }
        return doc
    }
}
