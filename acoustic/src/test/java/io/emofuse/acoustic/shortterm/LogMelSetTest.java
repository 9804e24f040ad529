package io.emofuse.acoustic.shortterm;

class LogMelSetTest extends ShortTermSetTestCase {
    @Override
    String id() {
        return "logmel";
    }
}
