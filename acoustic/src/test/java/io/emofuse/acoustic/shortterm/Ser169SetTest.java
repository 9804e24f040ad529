package io.emofuse.acoustic.shortterm;

class Ser169SetTest extends ShortTermSetTestCase {
    @Override
    String id() {
        return "ser169";
    }
}
