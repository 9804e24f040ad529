package io.emofuse.acoustic.shortterm;

class MfccSetTest extends ShortTermSetTestCase {
    @Override
    String id() {
        return "mfcc";
    }
}
