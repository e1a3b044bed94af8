// npm "docx" package renderer: reads a JSON doc model, writes .docx
const fs = require("fs");
const { Document, Packer, Paragraph, TextRun, HeadingLevel, Table, TableRow, TableCell, Header, Footer, WidthType } = require("docx");
const m = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const kids = [];
kids.push(new Paragraph({ text: m.title, heading: HeadingLevel.TITLE }));
if (m.intro) kids.push(new Paragraph({ text: m.intro }));
const cell = (t, bold) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: t, bold: !!bold })] })] });
for (const s of m.secs) {
  kids.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }));
  if (m.prompt) kids.push(new Paragraph({ children: [new TextRun({ text: s.prompt, italics: true, color: "666666" })] }));
  for (const [k, t] of s.blocks) {
    if (k === "sub") kids.push(new Paragraph({ text: t, heading: HeadingLevel.HEADING_2 }));
    else if (k === "b") kids.push(new Paragraph({ text: t, bullet: { level: 0 } }));
    else kids.push(new Paragraph({ text: t }));
  }
  if (s.bench) {
    const rows = [new TableRow({ children: m.bench_hdr.map(h => cell(h, true)) })];
    for (const r of m.bench_rows) rows.push(new TableRow({ children: r.map(x => cell(x)) }));
    kids.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  }
}
if (m.appendix) {
  kids.push(new Paragraph({ text: m.appendix[0], heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
  for (const t of m.appendix.slice(1)) kids.push(new Paragraph({ text: t }));
}
const doc = new Document({
  creator: m.creator || "District Office",
  sections: [{
    headers: m.header ? { default: new Header({ children: [new Paragraph(m.header)] }) } : undefined,
    footers: m.footer ? { default: new Footer({ children: [new Paragraph(m.footer)] }) } : undefined,
    children: kids,
  }],
});
Packer.toBuffer(doc).then(b => fs.writeFileSync(process.argv[3], b));
