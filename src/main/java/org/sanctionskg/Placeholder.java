package org.sanctionskg;
class Placeholder {}
