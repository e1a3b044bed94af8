// Render a plan with the npm "docx" package. usage: node npm_docx.js job.json
const fs = require("fs");
const { Document, Packer, Paragraph, TextRun, HeadingLevel, Table, TableRow, TableCell, WidthType, Header, Footer } = require("docx");
const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const doc = job.doc, o = job.opts || {};
function blockParas(b) {
  const [k, v] = b;
  if (k === "p") return [new Paragraph({ children: [new TextRun(v)] })];
  if (k === "note") return [new Paragraph({ children: [new TextRun({ text: v, italics: true })] })];
  if (k === "sub") return [new Paragraph({ children: [new TextRun({ text: v, bold: true })] })];
  if (k === "ul") return v.map(x => new Paragraph({ text: x, bullet: { level: 0 } }));
  if (k === "ol") return v.map((x, i) => new Paragraph({ text: `${i + 1}. ${x}` }));
  if (k === "table") return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE },
      rows: v.map(r => new TableRow({ children: r.map(c => new TableCell({ children: [new Paragraph(c)] })) })) }), new Paragraph("")];
  return [];
}
const kids = [];
kids.push(new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }));
doc.intro.forEach(b => kids.push(...blockParas(b)));
const secs = doc.sections.filter(s => s.state !== "missing");
if ((o.mode || "headings") === "headings") {
  for (const s of secs) {
    kids.push(new Paragraph({ text: s.heading, heading: o.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1 }));
    if (o.prompt_above) kids.push(new Paragraph({ children: [new TextRun({ text: s.prompt, italics: true, color: "666666" })] }));
    s.blocks.forEach(b => kids.push(...blockParas(b)));
  }
} else {
  const rows = [new TableRow({ children: [new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: "Component", bold: true })] })] }),
                                          new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: "Response", bold: true })] })] })] })];
  for (const s of secs) {
    let ps = [];
    s.blocks.forEach(b => { if (b[0] === "table") { b[1].forEach(r => ps.push(new Paragraph(r.join(" | ")))); } else ps.push(...blockParas(b)); });
    if (!ps.length) ps = [new Paragraph("")];
    rows.push(new TableRow({ children: [new TableCell({ width: { size: 25, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text: s.heading, bold: true })] })] }),
                                        new TableCell({ width: { size: 75, type: WidthType.PERCENTAGE }, children: ps })] }));
  }
  kids.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }));
}
doc.appendix.forEach(b => kids.push(...blockParas(b)));
const d = new Document({ sections: [{
  headers: o.header ? { default: new Header({ children: [new Paragraph(o.header)] }) } : undefined,
  footers: o.footer ? { default: new Footer({ children: [new Paragraph(o.footer)] }) } : undefined,
  children: kids }] });
Packer.toBuffer(d).then(buf => fs.writeFileSync(job.out, buf));
