package io.poolmap.operation.plugin;

/**
 * The parent of every plug-in's class loader: it sees the JDK (through the platform class loader) and the operation
 * API ({@code io.poolmap.operation}, the package alone), nothing else of poolmap's. So a plug-in runs against exactly
 * what it compiled against, and the libraries it bundles never meet poolmap's own (its own Jackson, say, is the one it
 * gets); it is a boundary of class names, not a sandbox.
 */
final class ApiClassLoader extends ClassLoader {

    static final String API_PACKAGE = "io.poolmap.operation";

    private final ClassLoader application;

    ApiClassLoader(ClassLoader application) {
        super("poolmap-operation-api", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        int lastDot = name.lastIndexOf('.');
        if (lastDot > 0 && name.substring(0, lastDot).equals(API_PACKAGE)) {
            return application.loadClass(name);
        }
        throw new ClassNotFoundException(name + " (a plug-in sees the JDK, io.poolmap.operation and its own jar only)");
    }
}
