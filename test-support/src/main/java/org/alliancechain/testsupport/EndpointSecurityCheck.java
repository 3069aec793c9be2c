package org.alliancechain.testsupport;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The build-time half of "deny by default": every JAX-RS resource method of the suite must say who
 * may call it (@RolesAllowed, @PermitAll, @Authenticated, @DenyAll or @PermissionsAllowed, on the
 * method or its class). Each app's build runs it over its own classes and shared-service's; a
 * method without one fails the build with its name. (At run time such a method is denied anyway,
 * by quarkus.security.jaxrs.deny-unannotated-endpoints.)
 */
public final class EndpointSecurityCheck {

    private static final Set<String> SECURITY = Set.of("jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll", "io.quarkus.security.Authenticated",
            "io.quarkus.security.PermissionsAllowed");

    private EndpointSecurityCheck() {
    }

    /** The resource methods under these class-path roots (directories or jars) that declare nobody. */
    public static List<String> unannotatedEndpoints(List<Path> roots) throws IOException {
        List<String> missing = new ArrayList<>();
        for (var root : roots) {
            for (String className : classNames(root)) {
                Class<?> type;
                try {
                    type = Class.forName(className, false, EndpointSecurityCheck.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Method[] methods;
                try {
                    methods = type.getDeclaredMethods();
                } catch (LinkageError e) {
                    continue;
                }
                for (var method : methods) {
                    if (isResourceMethod(method) && !declaresCaller(method) && !declaresCaller(type)) {
                        missing.add(type.getName() + "#" + method.getName());
                    }
                }
            }
        }
        return missing;
    }

    /** Where a class was loaded from: its classes directory or its jar. */
    public static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isResourceMethod(Method method) {
        for (Annotation annotation : method.getDeclaredAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresCaller(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (SECURITY.contains(annotation.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> classNames(Path root) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".class")).map(f -> root.relativize(f).toString())
                        .filter(name -> name.startsWith("org/alliancechain/") || name.startsWith("org\\alliancechain\\"))
                        .map(name -> name.replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "")).toList();
            }
        }
        try (var jar = FileSystems.newFileSystem(root)) {
            var top = jar.getPath("/");
            try (Stream<Path> files = Files.walk(top)) {
                return files.map(Path::toString).filter(name -> name.startsWith("/org/alliancechain/") && name.endsWith(".class"))
                        .map(name -> name.substring(1).replace('/', '.').replaceAll("\\.class$", "")).toList();
            }
        }
    }

    /**
     * What the check must catch, for its own test: one resource method that says who may call it and
     * one that does not. No @Path on the class, so no service ever serves it.
     */
    public static final class Probe {
        @jakarta.ws.rs.GET
        @jakarta.annotation.security.PermitAll
        public String declared() {
            return "";
        }

        @jakarta.ws.rs.POST
        public String undeclared() {
            return "";
        }
    }
}
