package dev.incident.reminder;

import jakarta.inject.Singleton;

import io.quarkus.test.Mock;

/** In {@code @QuarkusTest}s the service runs on this clock, which the test moves. */
@Mock
@Singleton
public class ServiceClock extends TestClock {}
