package io.emofuse.app;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The numeric option types every command shares, so {@code --threads 0} or {@code --port 99999}
 * is refused the same way everywhere: at parse time, one line naming the option, exit 2.
 */
final class Numbers {

    private Numbers() {
    }

    /** A count of threads, workers, texts per batch: 1 or more. */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < 1) {
                throw new TypeConversionException("'" + value + "' must be 1 or more");
            }
            return n;
        }
    }

    /** A TCP port: 1-65535, or 0 for any free port. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < 0 || n > 65535) {
                throw new TypeConversionException("'" + value + "' is not a TCP port (1-65535, or 0 for any free one)");
            }
            return n;
        }
    }

    /** Seconds of audio: 0 (meaning all) or more. */
    static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double x;
            try {
                x = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds");
            }
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new TypeConversionException("'" + value + "' must be 0 or more seconds");
            }
            return x;
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }
}
