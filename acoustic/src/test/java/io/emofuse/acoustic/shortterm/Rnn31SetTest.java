package io.emofuse.acoustic.shortterm;

class Rnn31SetTest extends ShortTermSetTestCase {
    @Override
    String id() {
        return "rnn31";
    }
}
