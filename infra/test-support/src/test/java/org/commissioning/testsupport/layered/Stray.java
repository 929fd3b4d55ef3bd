package org.commissioning.testsupport.layered;

/** Breaks the rules on purpose: a class outside every layer. */
public class Stray {
}
