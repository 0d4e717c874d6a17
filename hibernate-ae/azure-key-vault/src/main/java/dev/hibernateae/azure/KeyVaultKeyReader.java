package dev.hibernateae.azure;

import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyType;
import com.azure.security.keyvault.keys.models.KeyVaultKey;
import dev.hibernateae.api.ColumnMasterKeyException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

/** Reads a key's public part from its vault once and checks that it can serve as a column master key. */
final class KeyVaultKeyReader {
    private final KeyVaultClients clients;

    KeyVaultKeyReader(KeyVaultClients clients) {
        this.clients = clients;
    }

    KeyVaultMasterKey read(KeyVaultKeyUrl key) {
        KeyVaultKey fetched;
        try {
            KeyClient vault = clients.keyClient(key.vaultUrl());
            fetched = key.version() == null ? vault.getKey(key.name()) : vault.getKey(key.name(), key.version());
        } catch (RuntimeException e) {
            throw KeyVaultFailures.translate(KeyVaultOperation.GET_KEY, key, e);
        }
        if (fetched == null || fetched.getKey() == null) {
            throw unusable(key, "the vault answered without the key");
        }
        KeyType type = fetched.getKeyType();
        if (!KeyType.RSA.equals(type) && !KeyType.RSA_HSM.equals(type)) {
            throw unusable(key, "its key type is " + type + ", and column master keys are RSA keys. Create one with "
                    + "'az keyvault key create --kty RSA --size 2048' (or RSA-HSM) and use its URL");
        }
        if (fetched.getProperties() != null && Boolean.FALSE.equals(fetched.getProperties().isEnabled())) {
            throw unusable(key, "the key is disabled. Enable it in the vault");
        }
        if (!key.isIdentifiedBy(fetched.getId())) {
            throw unusable(key, "the vault answered with key identifier '" + fetched.getId()
                    + "', which is not a version of this key in this vault");
        }
        JsonWebKey jwk = fetched.getKey();
        if (jwk.getN() == null || jwk.getE() == null) {
            throw unusable(key, "the vault answered without the RSA modulus or exponent");
        }
        RSAPublicKey publicKey = publicKey(key, jwk);
        return new KeyVaultMasterKey(key, publicKey, clients.cryptographyClient(fetched.getId()));
    }

    private static RSAPublicKey publicKey(KeyVaultKeyUrl key, JsonWebKey jwk) {
        try {
            RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, jwk.getN()), new BigInteger(1, jwk.getE()));
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException e) {
            throw new ColumnMasterKeyException("The public key of master key '" + key.path() + "' of provider "
                    + AzureKeyVaultProvider.NAME + " is not a valid RSA public key", e);
        }
    }

    private static ColumnMasterKeyException unusable(KeyVaultKeyUrl key, String why) {
        return new ColumnMasterKeyException("Master key '" + key.path() + "' of provider " + AzureKeyVaultProvider.NAME
                + " cannot be used: " + why);
    }
}
