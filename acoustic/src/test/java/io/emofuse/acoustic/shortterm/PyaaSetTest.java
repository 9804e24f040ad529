package io.emofuse.acoustic.shortterm;

class PyaaSetTest extends ShortTermSetTestCase {
    @Override
    String id() {
        return "pyaa";
    }
}
