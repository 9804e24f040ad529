package io.emofuse.acoustic.shortterm;

class Ser128SetTest extends ShortTermSetTestCase {
    @Override
    String id() {
        return "ser128";
    }
}
