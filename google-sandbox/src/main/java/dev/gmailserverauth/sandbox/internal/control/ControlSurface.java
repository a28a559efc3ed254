package dev.gmailserverauth.sandbox.internal.control;

import dev.gmailserverauth.sandbox.SandboxControl;
import io.javalin.config.RoutesConfig;

/** The HTTP control API under {@link #PREFIX}: accounts, faults, counters, limits, and a grant's life. */
public final class ControlSurface {
    public static final String PREFIX = ControlRoutes.PREFIX;

    private ControlSurface() {}

    public static void register(RoutesConfig routes, SandboxControl control) {
        new ControlRoutes(control).register(routes);
        new LifecycleControlRoutes(control).register(routes);
    }
}
