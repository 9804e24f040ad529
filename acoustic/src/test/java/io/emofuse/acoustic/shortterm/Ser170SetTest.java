package io.emofuse.acoustic.shortterm;

class Ser170SetTest extends ShortTermSetTestCase {
    @Override
    String id() {
        return "ser170";
    }
}
