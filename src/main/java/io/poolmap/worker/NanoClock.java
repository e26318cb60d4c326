package io.poolmap.worker;

/** The source of time for busy seconds and utilisation, so that tests can move it. */
@FunctionalInterface
interface NanoClock {

    NanoClock SYSTEM = System::nanoTime;

    long nanoTime();
}
