package dev.trellis.archfixture.bad.domain;

public record Thing(String name) {
}
