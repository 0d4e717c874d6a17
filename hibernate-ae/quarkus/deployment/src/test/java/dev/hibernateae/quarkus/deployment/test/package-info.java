/** Tests of the extension's build steps, each building and starting a Quarkus application of its own. */
package dev.hibernateae.quarkus.deployment.test;
