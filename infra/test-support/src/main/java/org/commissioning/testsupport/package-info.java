/** Helpers for the services' integration tests: producing integration events, embedded infrastructure, containers. */
package org.commissioning.testsupport;
