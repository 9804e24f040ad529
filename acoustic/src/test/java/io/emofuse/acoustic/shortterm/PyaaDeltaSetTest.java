package io.emofuse.acoustic.shortterm;

class PyaaDeltaSetTest extends ShortTermSetTestCase {
    @Override
    String id() {
        return "pyaa_d";
    }
}
