package org.commissioning.stack;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the {@link SharedStack} when the launcher session ends, after every engine (Jupiter's and jqwik's) has run
 * its tests: a Jupiter extension's store would close it when the Jupiter engine ends, before the jqwik properties.
 * Registered in {@code META-INF/services}.
 */
public final class SharedStackSession implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedStack.stop();
    }
}
