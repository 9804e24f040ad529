package io.emofuse.acoustic.gemaps;

/**
 * Raw GeMAPS frames kept for smoothing and functionals, stored as floats (openSMILE's data
 * memory precision). Either unbounded (grows with the input) or a ring of fixed capacity that
 * forgets the oldest frames, so a stream's memory stays bounded.
 */
public final class FrameStore {
    private final int capacity; // 0 = unbounded
    private float[] data;
    private int slots;
    private long first; // absolute index of the oldest kept frame
    private long end; // one past the newest frame
    private long endLong = 0; // one past the newest frame that has 60 ms branch values

    public FrameStore(int capacity) {
        this.capacity = Math.max(0, capacity);
        slots = capacity > 0 ? capacity : 1024;
        data = new float[slots * Raw.COUNT];
    }

    public void clear() {
        first = 0;
        end = 0;
        endLong = 0;
    }

    void add(long index, double[] raw, boolean hasLong) {
        if (index != end) {
            throw new IllegalStateException("frame " + index + " added out of order, expected " + end);
        }
        if (end - first == slots) {
            if (capacity > 0) {
                first++;
            } else {
                grow();
            }
        }
        int base = (int) (index % slots) * Raw.COUNT;
        for (int c = 0; c < Raw.COUNT; c++) {
            data[base + c] = (float) raw[c];
        }
        end = index + 1;
        if (hasLong) {
            endLong = end;
        }
    }

    private void grow() {
        int newSlots = slots * 2;
        float[] nd = new float[newSlots * Raw.COUNT];
        for (long f = first; f < end; f++) {
            System.arraycopy(data, (int) (f % slots) * Raw.COUNT, nd, (int) (f % newSlots) * Raw.COUNT, Raw.COUNT);
        }
        data = nd;
        slots = newSlots;
    }

    /** Oldest frame still kept. */
    public long first() {
        return first;
    }

    /** One past the newest frame (20 ms branch). */
    public long end() {
        return end;
    }

    /** One past the newest frame with 60 ms / F0 values. */
    public long endLong() {
        return endLong;
    }

    float get(long frame, int column) {
        return data[(int) (frame % slots) * Raw.COUNT + column];
    }

    /** Copies one column of frames [from, to) into a new array. */
    double[] column(long from, long to, int column) {
        double[] out = new double[(int) Math.max(0, to - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(from + i, column);
        }
        return out;
    }

    @Override
    public String toString() {
        return "FrameStore[" + first + ", " + end + "), 60 ms frames < " + endLong + ", capacity " + slots;
    }
}
