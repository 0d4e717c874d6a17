package dev.hibernateae.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnMasterKeyException;
import org.junit.jupiter.api.Test;

/** The column master key spec: each part given by name, enclave computations off unless asked, checked as given. */
class ColumnMasterKeySpecTest {

    @Test
    void eachPartIsNamedAndEnclaveComputationsAreOffUnlessAsked() {
        ColumnMasterKeySpec spec = ColumnMasterKeySpec.named("cmk1").provider("MSSQL_JAVA_KEYSTORE").keyPath("alias1");
        assertEquals("cmk1", spec.name());
        assertEquals("MSSQL_JAVA_KEYSTORE", spec.providerName());
        assertEquals("alias1", spec.keyPath());
        assertFalse(spec.enclaveComputationsAllowed());

        ColumnMasterKeySpec enclave = spec.allowEnclaveComputations(true);
        assertTrue(enclave.enclaveComputationsAllowed());
        assertFalse(spec.enclaveComputationsAllowed(), "a spec never changes");
        assertNotEquals(spec, enclave);
        assertEquals(spec, enclave.allowEnclaveComputations(false));
        assertEquals(spec.hashCode(), enclave.allowEnclaveComputations(false).hashCode());
        assertEquals("column master key 'cmk1' (provider MSSQL_JAVA_KEYSTORE, key path 'alias1', enclave computations "
                + "allowed)", enclave.toString());
    }

    @Test
    void namesProvidersAndPathsAreCheckedAsTheyAreGiven() {
        AlwaysEncryptedException name = assertThrows(AlwaysEncryptedException.class,
                () -> ColumnMasterKeySpec.named(" cmk1"));
        assertTrue(name.getMessage().contains("without leading or trailing spaces"), name.getMessage());
        assertThrows(AlwaysEncryptedException.class, () -> ColumnMasterKeySpec.named(null));

        ColumnMasterKeyException provider = assertThrows(ColumnMasterKeyException.class,
                () -> ColumnMasterKeySpec.named("cmk1").provider(" "));
        assertTrue(provider.getMessage().contains("'cmk1' needs a provider name"), provider.getMessage());

        ColumnMasterKeyException path = assertThrows(ColumnMasterKeyException.class,
                () -> ColumnMasterKeySpec.named("cmk1").provider("MSSQL_JAVA_KEYSTORE").keyPath(""));
        assertTrue(path.getMessage().contains("'cmk1' needs a key path"), path.getMessage());
    }
}
