package dev.hibernateae.testing.keys;

/** Registered in the test class path's META-INF/services, to prove discovery through ServiceLoader. */
public final class ServiceLoadedTestProvider extends TestRsaProvider {
    public static final String NAME = "Test_Service_Loaded";

    public ServiceLoadedTestProvider() {
        super(NAME, "service-loaded-key");
    }
}
