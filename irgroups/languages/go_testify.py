"""The part of github.com/stretchr/testify/assert that HumanEval-X's Go tests use: testify cannot be
fetched in the sandbox, so this stands in for it (Equal via reflect.DeepEqual, as testify's
ObjectsAreEqual). Written where GOPATH finds it as github.com/stretchr/testify/assert."""

SHIM = '''// Package assert: the part of github.com/stretchr/testify/assert that HumanEval-X's Go tests use.
package assert

import (
	"bytes"
	"math"
	"reflect"
	"testing"
)

type Assertions struct{ t *testing.T }

func New(t *testing.T) *Assertions { return &Assertions{t} }

func ObjectsAreEqual(expected, actual interface{}) bool {
	if expected == nil || actual == nil {
		return expected == actual
	}
	exp, ok := expected.([]byte)
	if !ok {
		return reflect.DeepEqual(expected, actual)
	}
	act, ok := actual.([]byte)
	if !ok {
		return false
	}
	return bytes.Equal(exp, act)
}

func (a *Assertions) fail(msg string, args ...interface{}) bool {
	a.t.Helper()
	a.t.Errorf(msg, args...)
	return false
}

func (a *Assertions) Equal(expected, actual interface{}, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if !ObjectsAreEqual(expected, actual) {
		return a.fail("Not equal: expected %#v, actual %#v", expected, actual)
	}
	return true
}

func (a *Assertions) NotEqual(expected, actual interface{}, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if ObjectsAreEqual(expected, actual) {
		return a.fail("Should not be: %#v", actual)
	}
	return true
}

func (a *Assertions) True(value bool, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if !value {
		return a.fail("Should be true")
	}
	return true
}

func (a *Assertions) False(value bool, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if value {
		return a.fail("Should be false")
	}
	return true
}

func (a *Assertions) InDelta(expected, actual interface{}, delta float64, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	e := reflect.ValueOf(expected).Convert(reflect.TypeOf(0.0)).Float()
	g := reflect.ValueOf(actual).Convert(reflect.TypeOf(0.0)).Float()
	if math.IsNaN(e) || math.IsNaN(g) || math.Abs(e-g) > delta {
		return a.fail("Max difference between %v and %v allowed is %v", expected, actual, delta)
	}
	return true
}

func (a *Assertions) Nil(object interface{}, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if object != nil && !(reflect.ValueOf(object).Kind() == reflect.Ptr && reflect.ValueOf(object).IsNil()) {
		return a.fail("Expected nil, got %#v", object)
	}
	return true
}

func (a *Assertions) Len(object interface{}, length int, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if reflect.ValueOf(object).Len() != length {
		return a.fail("Should have %d item(s)", length)
	}
	return true
}
'''
