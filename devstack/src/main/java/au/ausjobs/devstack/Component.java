package au.ausjobs.devstack;

/** One thing the stack runs, with a name for the progress lines and the URL table. */
interface Component extends AutoCloseable {

    String name();

    /** What a developer opens or connects to. */
    String url();

    @Override
    void close();
}
