package dev.incident.email.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import dev.incident.email.domain.CustomerDirectory;
import dev.incident.email.domain.Decision;
import dev.incident.email.domain.MailIntake;
import dev.incident.email.domain.MailParser;
import dev.incident.email.domain.MailTriage;
import dev.incident.email.domain.Quarantine;

/**
 * Messages parsed per second over the email fixtures, against baselines measured in the same run:
 * reading the bytes, and Jakarta Mail's MimeMessage construction (headers parsed, body kept). Run
 * with the command in docs/performance.md; not a test.
 */
public final class MailParseBenchmark {

    private static final String[] FIXTURES = {
        "cpython-test_email/msg_15.txt",
        "james-mime4j/base64-encoded-text.msg",
        "james-mime4j/malformedHeader-noheader.msg",
        "james-mime4j/missing-inner-boundary.msg",
        "james-mime4j/re-fwd.msg",
        "mailgun-flanker/missing-final-boundary.eml",
        "mailgun-talon/outlook.eml",
        "mikel-mail/attachment_message_rfc822.eml",
        "mikel-mail/japanese_shift_jis.eml",
        "mikel-mail/missing_body.eml",
        "mikel-mail/report_530.eml",
        "sisimai-set-of-emails/rfc3834-01.eml"
    };

    /** Each measured task works through the whole corpus once per call. */
    private interface Pass {
        long run(List<byte[]> corpus) throws Exception;
    }

    private MailParseBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5.0;
        List<byte[]> corpus = corpus();
        Session session = Session.getInstance(new Properties());
        MailParser parser = new MailParser(12);
        MailIntake intake =
                new MailIntake(
                        parser,
                        new MailTriage("incidents@example.com"),
                        new CustomerDirectory(),
                        1000);

        System.out.printf(
                "%d fixtures, %.1f s per measurement after %.1f s warm-up%n",
                corpus.size(), seconds, seconds);
        double bytes = measure("read the bytes (baseline)", corpus, seconds, c -> readBytes(c));
        double jakarta =
                measure(
                        "Jakarta MimeMessage (baseline)",
                        corpus,
                        seconds,
                        c -> jakarta(session, c));
        double parse = measure("MailParser.parse (mime4j)", corpus, seconds, c -> parse(parser, c));
        double decide =
                measure("MailIntake.decide (full)", corpus, seconds, c -> decide(intake, c));

        System.out.printf(
                "%nratios: parse/jakarta %.2f, decide/jakarta %.2f, decide/bytes %.4f%n",
                parse / jakarta, decide / jakarta, decide / bytes);
    }

    private static double measure(String name, List<byte[]> corpus, double seconds, Pass pass)
            throws Exception {
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            sink += pass.run(corpus);
        }
        long messages = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            sink += pass.run(corpus);
            messages += corpus.size();
        }
        double rate = messages / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%-32s %,12.0f messages/s   (check %d)%n", name, rate, sink % 7);
        return rate;
    }

    private static long readBytes(List<byte[]> corpus) throws IOException {
        long total = 0;
        for (byte[] raw : corpus) {
            total += new ByteArrayInputStream(raw).readAllBytes().length;
        }
        return total;
    }

    private static long jakarta(Session session, List<byte[]> corpus) throws MessagingException {
        long total = 0;
        for (byte[] raw : corpus) {
            String subject = new MimeMessage(session, new ByteArrayInputStream(raw)).getSubject();
            total += subject == null ? 0 : subject.length();
        }
        return total;
    }

    private static long parse(MailParser parser, List<byte[]> corpus) {
        long total = 0;
        for (byte[] raw : corpus) {
            try {
                total += parser.parse(raw).text().length();
            } catch (Quarantine e) {
                total++;
            }
        }
        return total;
    }

    private static long decide(MailIntake intake, List<byte[]> corpus) {
        long total = 0;
        for (byte[] raw : corpus) {
            Decision decision = intake.decide(raw);
            total += decision.key().length();
        }
        return total;
    }

    private static List<byte[]> corpus() {
        var corpus = new ArrayList<byte[]>();
        for (String name : FIXTURES) {
            try (InputStream in =
                    MailParseBenchmark.class.getResourceAsStream("/fixtures/email/" + name)) {
                corpus.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return corpus;
    }
}
