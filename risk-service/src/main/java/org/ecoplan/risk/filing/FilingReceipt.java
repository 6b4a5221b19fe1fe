package org.ecoplan.risk.filing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.ecoplan.risk.enterprise.Enterprise;

/**
 * The filing receipt (备案表 as stamped and returned by the bureau, 环发〔2015〕4号 附件) as a one-page A4 PDF: the
 * filing number, the enterprise's details, the plan's dates and level, each document with its SHA-256, and the
 * bureau's filing opinion in the form's wording.
 * <p>
 * Chinese needs a font with its glyphs, embedded (as a subset) so that any reader shows it. None ships with Java or
 * can be fetched at run time here, so the receipt uses the first of the configured font files that exists (Debian's
 * {@code fonts-droid-fallback}, Apache 2.0, by default). That font has no Latin letters, so text is set in runs:
 * Latin-1 characters in Helvetica (a standard font every reader has), everything else in the Chinese font. Without a
 * Chinese font the receipt is still issued, in Latin script only (English labels, the enterprise's English name),
 * and says that the Chinese text was left out.
 */
final class FilingReceipt {

    private static final float MARGIN = 56;

    private static final float BODY = 10.5f;

    private static final float SMALL = 8;

    private final List<File> fonts;

    FilingReceipt(List<String> fontPaths) {
        this.fonts = fontPaths.stream().map(File::new).toList();
    }

    /** @param receivedOn the day the complete filing was received (收讫), i.e. its latest submission */
    byte[] render(EmergencyPlanFiling filing, Enterprise enterprise, String bureau, LocalDate receivedOn) {
        // The collection a font came from stays open until the document, which embeds its subset on save, is closed.
        try (OpenFonts open = new OpenFonts(); PDDocument document = new PDDocument()) {
            Optional<PDFont> cjk = open.cjkFont(document);
            Writer writer = new Writer(document, new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                    cjk.orElse(null));
            writer.title("企业事业单位突发环境事件应急预案备案表", "Filing receipt of an emergency response plan");
            writer.field("备案编号", "Filing number", filing.filingNumber());
            writer.field("单位名称", "Enterprise", enterprise.name().zh(), enterprise.name().en());
            writer.field("统一社会信用代码", "Unified social credit code", enterprise.creditCode());
            writer.field("单位地址", "Address", enterprise.address());
            writer.field("所属行业", "Industry", enterprise.industry() == null ? null
                    : enterprise.industry().code() + " " + enterprise.industry().name(),
                    enterprise.industry() == null ? null : enterprise.industry().code());
            writer.field("环境风险级别", "Risk level", filing.filedLevel().zh() + " (" + filing.filedLevel().letter()
                    + ")", filing.filedLevel().en() + " (" + filing.filedLevel().letter() + ")");
            writer.field("跨区域", "Cross-region", filing.crossRegion() ? "是" : "否",
                    filing.crossRegion() ? "yes" : "no");
            writer.field("预案签署发布日期", "Plan signed on", filing.signedOn().toString());
            writer.field("备案文件收讫日期", "Filing received on", receivedOn.toString());
            if (Boolean.TRUE.equals(filing.late())) {
                writer.field("逾期提交", "Filed late", "超过签署后20个工作日 " + filing.lateWorkingDays() + " 个工作日",
                        filing.lateWorkingDays() + " working days after the 20-working-day window");
            }
            writer.field("备案日期", "Filed on", filing.filedOn().toString());
            writer.field("回顾性评估期限", "Review due by", filing.nextReviewDueOn().toString());
            writer.heading("备案文件目录", "Documents filed");
            for (FiledDocument filed : filing.documents()) {
                writer.field(filed.kind().zh(), filed.kind().en(), filed.filename(),
                        filed.type() + ", " + filed.size() + " bytes");
                writer.small("SHA-256 " + filed.sha256());
            }
            writer.heading("备案意见", "Filing opinion");
            writer.paragraph("该单位的突发环境事件应急预案备案文件已于" + chinese(receivedOn) + "收讫，文件齐全，予以备案。",
                    "The emergency response plan filing of this enterprise was received on " + receivedOn
                            + "; it is complete and is hereby filed.");
            writer.field("备案受理部门（公章）", "Filing authority (seal)", bureau, "District environmental bureau");
            writer.field("日期", "Date", chinese(filing.filedOn()), filing.filedOn().toString());
            if (cjk.isEmpty()) {
                writer.small("No font with Chinese glyphs was found on the server (ecoplan.filings.receipt-fonts); "
                        + "Chinese text is left out of this copy.");
            }
            writer.close();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Filing receipt " + filing.filingNumber());
            info.setProducer("EcoPlan risk-service");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot render the receipt of filing " + filing.id(), ex);
        }
    }

    /** The font files one receipt opened; closing it closes them. */
    private final class OpenFonts implements Closeable {

        private TrueTypeCollection collection;

        Optional<PDFont> cjkFont(PDDocument document) throws IOException {
            for (File file : fonts) {
                if (!file.isFile()) {
                    continue;
                }
                if (file.getName().toLowerCase().endsWith(".ttc")) {
                    collection = new TrueTypeCollection(file);
                    List<TrueTypeFont> members = new ArrayList<>();
                    collection.processAllFonts(members::add);
                    if (!members.isEmpty()) {
                        return Optional.of(PDType0Font.load(document, members.get(0), true));
                    }
                    collection.close();
                    collection = null;
                    continue;
                }
                // PDFBox closes a font it loaded from a file itself, with the document.
                return Optional.of(PDType0Font.load(document, file));
            }
            return Optional.empty();
        }

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            }
        }
    }

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** Lays out lines top-down on one A4 page, wrapping long values, continuing on new pages if needed. */
    private static final class Writer {

        private final PDDocument document;

        private final PDFont latinFont;

        /** Null when no Chinese font is available. */
        private final PDFont cjkFont;

        private final boolean cjk;

        private PDPageContentStream content;

        private float y;

        Writer(PDDocument document, PDFont latinFont, PDFont cjkFont) throws IOException {
            this.document = document;
            this.latinFont = latinFont;
            this.cjkFont = cjkFont;
            this.cjk = cjkFont != null;
            newPage();
        }

        void title(String zh, String en) throws IOException {
            line(cjk ? zh : en, 16, MARGIN);
            if (cjk) {
                line(en, SMALL + 1, MARGIN);
            }
            y -= 8;
        }

        void heading(String zh, String en) throws IOException {
            y -= 6;
            line(cjk ? zh + "  " + en : en, BODY + 1, MARGIN);
        }

        void field(String zh, String en, String value) throws IOException {
            field(zh, en, value, value);
        }

        /** @param latinValue what to print when no Chinese font is available */
        void field(String zh, String en, String value, String latinValue) throws IOException {
            String label = cjk ? zh + " " + en : en;
            String shown = cjk ? value : latinValue;
            wrapped(label + ": " + (shown == null || shown.isBlank() ? "-" : latin(shown)), BODY);
        }

        void paragraph(String zh, String en) throws IOException {
            wrapped(cjk ? zh : en, BODY);
        }

        void small(String text) throws IOException {
            wrapped(text, SMALL);
        }

        void close() throws IOException {
            content.close();
        }

        private String latin(String text) {
            return cjk ? text : text.codePoints().map(c -> isLatin(c) ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        }

        /** Helvetica's WinAnsi encoding covers these; the rest goes to the Chinese font. */
        private static boolean isLatin(int codePoint) {
            return codePoint >= 0x20 && codePoint <= 0x7E || codePoint >= 0xA0 && codePoint <= 0xFF;
        }

        /** The text cut where it changes between Latin and other characters. */
        private static List<String> runs(String text) {
            List<String> runs = new ArrayList<>();
            int start = 0;
            for (int i = 1; i <= text.length(); i++) {
                if (i == text.length() || isLatin(text.charAt(i)) != isLatin(text.charAt(start))) {
                    runs.add(text.substring(start, i));
                    start = i;
                }
            }
            return runs;
        }

        private PDFont fontFor(String run) {
            return isLatin(run.charAt(0)) ? latinFont : cjkFont;
        }

        private float width(String text, float size) throws IOException {
            float width = 0;
            for (String run : runs(text)) {
                width += fontFor(run).getStringWidth(run) / 1000 * size;
            }
            return width;
        }

        private void wrapped(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            String rest = text;
            while (!rest.isEmpty()) {
                int end = rest.length();
                while (end > 1 && width(rest.substring(0, end), size) > width) {
                    end--;
                }
                line(rest.substring(0, end), size, MARGIN);
                rest = rest.substring(end);
            }
        }

        private void line(String text, float size, float x) throws IOException {
            if (y < MARGIN + size) {
                content.close();
                newPage();
            }
            y -= size * 1.5f;
            content.beginText();
            content.newLineAtOffset(x, y);
            for (String run : runs(text)) {
                content.setFont(fontFor(run), size);
                content.showText(run);
            }
            content.endText();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
    }
}
