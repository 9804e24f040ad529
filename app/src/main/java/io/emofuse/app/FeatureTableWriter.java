package io.emofuse.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** Writes feature rows ({@code name, frameTime, features...}) as openSMILE-style CSV, ARFF or JSON lines. */
abstract class FeatureTableWriter implements Closeable {
    protected final Writer out;
    protected final List<String> features;

    FeatureTableWriter(Writer out, List<String> features) {
        this.out = out;
        this.features = features;
    }

    static FeatureTableWriter create(String format, Writer out, List<String> features, String relation) throws IOException {
        return switch (format) {
            case "csv" -> new Csv(out, features);
            case "arff" -> new Arff(out, features, relation);
            case "jsonl" -> new JsonLines(out, features);
            default -> throw new UserError("unknown --format '" + format + "' (use csv, arff or jsonl)");
        };
    }

    abstract void row(String name, double frameTime, double[] values) throws IOException;

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** openSMILE's number style: exact integers as integers, everything else %e. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isNaN(v)) {
            return "nan";
        }
        return String.format(Locale.ROOT, "%e", v);
    }

    static String time(double t) {
        return String.format(Locale.ROOT, "%f", t);
    }

    private static final class Csv extends FeatureTableWriter {
        Csv(Writer out, List<String> features) throws IOException {
            super(out, features);
            out.write("name;frameTime");
            for (String f : features) {
                out.write(';');
                out.write(f);
            }
            out.write('\n');
        }

        @Override
        void row(String name, double frameTime, double[] values) throws IOException {
            StringBuilder sb = new StringBuilder(values.length * 14 + 40);
            sb.append('\'').append(name).append("';").append(time(frameTime));
            for (double v : values) {
                sb.append(';').append(number(v));
            }
            sb.append('\n');
            out.write(sb.toString());
        }
    }

    private static final class Arff extends FeatureTableWriter {
        Arff(Writer out, List<String> features, String relation) throws IOException {
            super(out, features);
            out.write("@relation '" + relation + "'\n\n@attribute name string\n@attribute frameTime numeric\n");
            for (String f : features) {
                out.write("@attribute " + f + " numeric\n");
            }
            out.write("\n@data\n\n");
        }

        @Override
        void row(String name, double frameTime, double[] values) throws IOException {
            StringBuilder sb = new StringBuilder();
            sb.append('\'').append(name.replace("'", "\\'")).append("',").append(time(frameTime));
            for (double v : values) {
                sb.append(',').append(number(v));
            }
            sb.append('\n');
            out.write(sb.toString());
        }
    }

    private static final class JsonLines extends FeatureTableWriter {
        private final JsonFactory json = new JsonFactory();

        JsonLines(Writer out, List<String> features) {
            super(out, features);
        }

        @Override
        void row(String name, double frameTime, double[] values) throws IOException {
            java.io.StringWriter line = new java.io.StringWriter();
            try (JsonGenerator g = json.createGenerator(line)) {
                g.writeStartObject();
                g.writeStringField("name", name);
                g.writeNumberField("frameTime", frameTime);
                for (int i = 0; i < values.length; i++) {
                    g.writeNumberField(features.get(i), values[i]);
                }
                g.writeEndObject();
            }
            out.write(line.toString());
            out.write('\n');
        }
    }
}
