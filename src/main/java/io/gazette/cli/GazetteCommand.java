package io.gazette.cli;
public class GazetteCommand { public static void main(String[] a) {} }
